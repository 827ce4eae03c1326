// The annual-report module: console routes and the portal's 政府信息公开年报 column.
import { reportsPortal } from '../../../portal/reports';
import { reportsRoutes } from './reports.routes';

export const reportsModule = {
  name: 'reports',
  routes: reportsRoutes,
  portal: reportsPortal,
};
