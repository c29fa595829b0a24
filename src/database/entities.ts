import { ContractProfile } from 'src/modules/analytics/contract-profile.entity';
import { AccessLogEntry } from 'src/modules/audit/access-log.entity';
import { AuditCheckpoint } from 'src/modules/audit/audit-checkpoint.entity';
import { ApiKey } from 'src/modules/auth/api-key.entity';
import { GapListEntry } from 'src/modules/portfolio/gap-list-entry.entity';
import { PortfolioAnalysis } from 'src/modules/portfolio/portfolio-analysis.entity';
import { Prediction } from 'src/modules/prediction/prediction.entity';

export const ENTITIES = [Prediction, PortfolioAnalysis, GapListEntry, AccessLogEntry, AuditCheckpoint, ApiKey, ContractProfile];
