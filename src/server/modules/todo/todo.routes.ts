// HTTP only: the to-do centre's one endpoint.
import type { Hono } from 'hono';
import { todoApi } from '../../../contracts/todo';
import type { AppEnv, Platform } from '../../platform/context';
import { route } from '../../platform/http/route';
import { myTodo } from './todo';

export function todoRoutes(app: Hono<AppEnv>, p: Platform): void {
  route(app, todoApi.mine, ({ user }) => myTodo(p, user));
}
