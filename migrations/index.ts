import { InitialSchema1763700000000 } from './1763700000000-InitialSchema';
import { ApiKeyLifecycle1763800000000 } from './1763800000000-ApiKeyLifecycle';
import { TamperEvidentAuditLog1763850000000 } from './1763850000000-TamperEvidentAuditLog';
import { ContractProfile1763900000000 } from './1763900000000-ContractProfile';
import { PredictionServing1764100000000 } from './1764100000000-PredictionServing';

/** Every migration, oldest first. A new migration is appended here; merged ones are never edited. */
export const MIGRATIONS = [
  InitialSchema1763700000000,
  ApiKeyLifecycle1763800000000,
  TamperEvidentAuditLog1763850000000,
  ContractProfile1763900000000,
  PredictionServing1764100000000,
];
