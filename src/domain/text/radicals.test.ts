import { describe } from 'vitest';
import { eachReturns } from '../../../test/table';
import { unifiedIdeographs } from './radicals';

describe('unifiedIdeographs: a printed PDF’s radicals read as the characters they stand for', () => {
  eachReturns(
    unifiedIdeographs,
    [
      // Kangxi radicals (NFKC) and simplified radicals of the supplement (NFKC leaves those alone)
      ['县⼈⼒资源和社会保障局', '县人力资源和社会保障局'],
      ['各乡镇⼈⺠政府', '各乡镇人民政府'],
      ['政府⻔⼾⽹站', '政府门户网站'],
      ['县就业服务中⼼', '县就业服务中心'],
      ['⻓期坚持，⻢上就办', '长期坚持，马上就办'],
      // text without them, and full-width punctuation, stay as they are
      ['（牵头单位：区财政局；完成时限：６月底前）', '（牵头单位：区财政局；完成时限：６月底前）'],
    ],
    '%s',
  );
});
