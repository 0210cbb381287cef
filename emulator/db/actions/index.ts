import { aggregateDocuments } from './aggregate';
import { addCollection } from './collection';
import type { Action } from './context';
import { calculateDocument, getDocument } from './read';
import { abortTransaction, commitTransaction, startTransaction } from './transaction';
import { insertDocument, modifyDocument, removeDocument } from './write';

export type { Action, ActionResult, EngineContext } from './context';

/**
 * Every action the local runtime answers. Anything else the SDK can send (updateAndReturn's
 * database.modifyAndReturnDoc, the legacy *InTransaction actions, realtime watch) is refused by name.
 */
export const ACTIONS: Readonly<Record<string, Action>> = {
  'database.getDocument': getDocument,
  'database.calculateDocument': calculateDocument,
  'database.insertDocument': insertDocument,
  'database.modifyDocument': modifyDocument,
  'database.removeDocument': removeDocument,
  'database.aggregateDocuments': aggregateDocuments,
  'database.startTransaction': startTransaction,
  'database.commitTransaction': commitTransaction,
  'database.abortTransaction': abortTransaction,
  'database.addCollection': addCollection,
};
