import { CompiledValidator } from 'src/common/validation/compiled-validator';
import { BatchPredictionRequestDto } from 'src/modules/prediction/dto/batch-request.dto';

/**
 * Spares a 10,000-member body class-transformer's deep copy in the global pipe (about 0.07 ms per
 * member); each member is then validated on its own by the service.
 */
export const batchRequestValidator = new CompiledValidator(BatchPredictionRequestDto);
