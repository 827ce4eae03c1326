// Queries of the to-do centre (the convention is in src/admin/queries.ts): one read, shared by the home page's
// 待办 card and the bell in the top bar; refreshed every minute and when the window regains focus.
import { todoApi } from '../../../contracts/todo';
import { useCall } from '../../queries';

export const useTodo = (enabled = true) =>
  useCall(todoApi.mine, undefined, { refetchInterval: 60_000, enabled });
