// The to-do centre's face: its registration. It owns no tables; it reads the other modules' faces.
import type { BusinessModule } from '../../platform/module';
import { todoRoutes } from './todo.routes';

export const todoModule: BusinessModule = { name: 'todo', routes: todoRoutes };
