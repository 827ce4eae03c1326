import { connect } from '../src/server/db/client';
import { resolveUnit } from '../src/domain/units';
import { loadUnitIndex } from '../src/server/modules/org';
import { queryTokens } from '../src/server/platform/text/segmenter';
import { searchItems } from '../src/server/modules/disclosure';
const database = connect('postgres://postgres@127.0.0.1:5432/gkbench_speed', 4);
const idx = await loadUnitIndex(database.db, '重庆市潼南区');
let t = performance.now();
for (let i = 0; i < 20; i++) resolveUnit(idx, '森林防火');
console.log('resolve', ((performance.now() - t) / 20).toFixed(2));
t = performance.now();
for (let i = 0; i < 20; i++) queryTokens('森林防火');
console.log('tokens', ((performance.now() - t) / 20).toFixed(2));
for (const q of ['森林防火', '工作', '森林防火']) {
  t = performance.now();
  for (let i = 0; i < 20; i++) await searchItems(database, '重庆市潼南区', q, {}, new Date());
  console.log(q, ((performance.now() - t) / 20).toFixed(1));
}
await database.close();
