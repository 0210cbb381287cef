import type { contracts } from '@zhibu/types';
import { recountMonths } from '../activity/recount';
import { requireAdmin } from '../member/policy';
import type { Handlers } from '../runtime/handler';

export const jobsHandlers: Handlers<typeof contracts.jobs> = {
  recount: {
    access: 'member',
    run: (input, { session }) => {
      requireAdmin(session);
      return recountMonths(input?.months);
    },
  },
};
