// Queries of the annual-report feature (the convention is in src/admin/queries.ts).
import { useQueryClient } from '@tanstack/react-query';
import {
  type ReportInput,
  type ReportSettingsInput,
  type ReportView,
  reportsApi,
} from '../../../contracts/reports';
import { pathFor } from '../../api';
import { keyOf, useCall, useCallMutation } from '../../queries';

export const useReportOverview = (year: number) => useCall(reportsApi.overview, { query: { year } });

export const useReport = (unitId: string, year: string) =>
  useCall(reportsApi.get, { params: { unitId, year } });

/** After a save or publication: the answered report in the cache, the overview refreshed. */
function useReportUpdated(unitId: string, year: string, onDone: () => void) {
  const qc = useQueryClient();
  return (v: ReportView) => {
    qc.setQueryData(keyOf(reportsApi.get, { params: { unitId, year } }), v);
    onDone();
  };
}

export function useSaveReport(unitId: string, year: string, onDone: () => void) {
  return useCallMutation(reportsApi.save, {
    toArgs: (body: ReportInput) => ({ params: { unitId, year }, body }),
    invalidates: [keyOf(reportsApi.overview)],
    onSuccess: useReportUpdated(unitId, year, onDone),
  });
}

export function usePublishReport(unitId: string, year: string, onDone: () => void) {
  return useCallMutation(reportsApi.publish, {
    toArgs: (earlyReason: string | undefined) => ({
      params: { unitId, year },
      body: earlyReason ? { earlyReason } : {},
    }),
    invalidates: [keyOf(reportsApi.overview)],
    onSuccess: useReportUpdated(unitId, year, onDone),
  });
}

export const exportPath = (format: 'docx' | 'html', unitId: string, year: string) =>
  pathFor(format === 'docx' ? reportsApi.exportDocx : reportsApi.exportHtml, { params: { unitId, year } });

/** 年报 settings: whose figures the 区人民政府 counts and the 镇街 deadline. */
export const useReportSettings = () => useCall(reportsApi.getSettings);

export const useSaveReportSettings = (onDone: () => void) =>
  useCallMutation(reportsApi.putSettings, {
    toArgs: (body: ReportSettingsInput) => ({ body }),
    // ['reports'], the prefix of every report query: the due dates and counts follow the settings.
    invalidates: [keyOf(reportsApi.overview)],
    onSuccess: onDone,
  });
