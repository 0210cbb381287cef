import type { contracts } from '@zhibu/types';
import type { Handlers } from '../runtime/handler';
import { requireBureau } from './access';
import { branchStats } from './branch.service';
import { compliance } from './compliance.service';
import { loadRules, loadScheme, saveRules, saveScheme, schemeView } from './config';
import { dashboard } from './dashboard.service';
import { exportStats } from './export.service';
import { adjust, inspection } from './inspection.service';
import { mine } from './mine.service';

export const statsHandlers: Handlers<typeof contracts.stats> = {
  dashboard: { access: 'member', run: (input, { session }) => dashboard(session, input) },
  branch: { access: 'member', run: (input, { session }) => branchStats(session, input) },
  compliance: { access: 'member', run: (input, { session }) => compliance(session, input) },
  mine: { access: 'member', run: (input, { session }) => mine(session, input) },
  export: { access: 'member', run: (input, { session }) => exportStats(session, input) },
  inspection: { access: 'member', run: (input, { session }) => inspection(session, input) },
  adjust: { access: 'member', run: (input, { session }) => adjust(session, input) },
  rules: {
    access: 'member',
    run: async (_input, { session }) => {
      requireBureau(session);
      return { rules: await loadRules() };
    },
  },
  setRules: {
    access: 'member',
    run: async (input, { session }) => {
      requireBureau(session);
      return { rules: await saveRules(session, input.rules) };
    },
  },
  scheme: {
    access: 'member',
    run: async (_input, { session }) => {
      requireBureau(session);
      return schemeView(await loadScheme());
    },
  },
  setScheme: {
    access: 'member',
    run: async (input, { session }) => {
      requireBureau(session);
      return saveScheme(session, input.items);
    },
  },
};
