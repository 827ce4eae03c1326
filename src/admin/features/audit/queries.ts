// Queries of the audit feature (the convention is in src/admin/queries.ts): the lists are SearchTables on
// auditApi.logs / auditApi.logins; the chain check runs on demand.
import { useMutation } from '@tanstack/react-query';
import { auditApi } from '../../../contracts/audit';
import { call } from '../../api';

export const useVerifyChain = () => useMutation({ mutationFn: () => call(auditApi.verify) });
