import { InitialSchema1763700000000 } from './1763700000000-InitialSchema';

/** Every migration, oldest first. A new migration is appended here; merged ones are never edited. */
export const MIGRATIONS = [InitialSchema1763700000000];
