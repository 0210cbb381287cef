import type { contracts } from '@zhibu/types';
import type { Handlers } from '../runtime/handler';
import { exportRoster, importRoster, rosterTemplate } from './roster.service';

export const rosterHandlers: Handlers<typeof contracts.roster> = {
  import: { access: 'member', run: (input, { session }) => importRoster(session, input) },
  export: { access: 'member', run: (input, { session }) => exportRoster(session, input) },
  template: { access: 'member', run: () => rosterTemplate() },
};
