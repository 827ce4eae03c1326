// The 考核通报 .docx: 版头 with the 文号, the year's result (the spread of totals), the ranking table (rank, unit,
// total), the units praised and criticised, each indicator's summary, the requirements and 落款. Layout from
// platform/documents/gongwen.ts (shared with the tasks 通报 and the 检查通报 of modules/media/bulletin-docx.ts).
import type { AssessmentBulletinFigures, BulletinUnit } from '../../../domain/assessment/bulletin';
import { CRITICISE_BELOW, PRAISE_FROM } from '../../../domain/assessment/scoring';
import { type Block, body, gongwenBulletin, gridTable, unitsSection } from '../../platform/documents/gongwen';

const points = (n: number | null) => (n === null ? '—' : String(n));

export async function assessmentBulletinDocx(input: {
  title: string;
  year: number;
  kindLabel: string;
  issuer: string;
  docNumber: string;
  today: string;
  figures: AssessmentBulletinFigures;
  units: readonly BulletinUnit[];
}): Promise<Uint8Array> {
  const f = input.figures;
  return gongwenBulletin(
    {
      ...input,
      date: input.today,
      opening: `根据《中华人民共和国政府信息公开条例》和政务公开年度考核评估安排，区政府办公室对${f.units}个${input.kindLabel}${input.year}年度政务公开工作开展了考核评估，考核以政务公开平台记录的任务落实、主动公开、依申请公开、回应关切、平台建设等实际数据为主，结合人工评分和社会评价。现将考核结果通报如下。`,
      requirements:
        '各单位要对照考核发现的问题逐项整改，落实任务分工按时销号、信息按时公开、申请按期答复、咨询和来信及时回应，加强政府网站和政务新媒体内容保障。考核结果纳入政府绩效考核。',
    },
    (h) => {
      const children: Block[] = [h('考核结果')];
      if (f.units === 0) children.push(body('本年度没有纳入考核的单位。'));
      else {
        children.push(
          body(
            `本次考核平均得分 ${points(f.average)} 分，最高 ${points(f.highest)} 分，最低 ${points(f.lowest)} 分。各单位得分及排名如下：`,
          ),
          gridTable(
            ['排名', '单位', '总分'],
            input.units.map((u) => [String(u.rank), u.unit, String(u.total)]),
          ),
        );
      }
      children.push(
        ...unitsSection(
          h,
          '予以通报表扬的单位',
          f.praised,
          `考核得分在${PRAISE_FROM}分及以上，予以通报表扬。`,
        ),
        ...unitsSection(
          h,
          '予以通报批评的单位',
          f.criticised,
          `考核得分低于${CRITICISE_BELOW}分，予以通报批评，请于收到通报后10个工作日内报送整改情况。`,
        ),
      );
      children.push(h('指标得分情况'));
      children.push(
        gridTable(
          ['指标', '分值', '平均得分', '得分率', '满分单位', '不适用单位'],
          f.indicators.map((i) => [
            `${i.code} ${i.category}·${i.name}`,
            String(i.weight),
            points(i.average),
            i.rate === null ? '—' : `${i.rate}%`,
            String(i.fullMarks),
            String(i.notApplicable),
          ]),
        ),
      );
      // Only the `spread` policy leaves an indicator not applicable.
      if (f.indicators.some((i) => i.notApplicable > 0))
        children.push(
          body(
            '本年度无相关记录的指标按“不适用”处理：该指标不计分，其分值按比例分摊到本单位其他指标，总分按适用指标折算为百分制。',
          ),
        );
      const weakest = f.indicators
        .filter((i) => i.rate !== null && i.rate < 80)
        .sort((a, b) => (a.rate ?? 0) - (b.rate ?? 0))
        .slice(0, 3);
      if (weakest.length)
        children.push(
          body(
            `得分率较低的指标：${weakest.map((i) => `${i.name}（${i.rate}%）`).join('、')}，请各单位对照补齐短板。`,
          ),
        );
      return children;
    },
  );
}
