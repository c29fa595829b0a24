import { ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import { DomainError } from 'src/common/errors/domain-error';
import { CompiledValidationPipe } from 'src/common/validation/compiled-validation.pipe';
import { VALIDATION_PIPE_OPTIONS } from 'src/common/validation/validation-pipe-options';
import { BatchPredictionRequestDto, MAX_BATCH_MEMBERS } from 'src/modules/prediction/dto/batch-request.dto';
import { batchRequestValidator } from 'src/modules/prediction/dto/batch-request.validator';

const BODY: ArgumentMetadata = { type: 'body', metatype: BatchPredictionRequestDto, data: undefined };

async function outcome(pipe: ValidationPipe, value: unknown): Promise<string> {
  try {
    return `accepted ${JSON.stringify(await pipe.transform(structuredClone(value), BODY))}`;
  } catch (error) {
    return error instanceof DomainError ? `${error.name} ${JSON.stringify(error.errors)}` : `threw ${String(error)}`;
  }
}

describe('batchRequestValidator', () => {
  const member = { member_id: 'a'.repeat(64), anything: { nested: [1, 2] } };
  const cases: Array<[string, unknown]> = [
    ['one member', { members: [member] }],
    ['the most members', { members: Array.from({ length: MAX_BATCH_MEMBERS }, () => member) }],
    ['too many members', { members: Array.from({ length: MAX_BATCH_MEMBERS + 1 }, () => member) }],
    ['no members', { members: [] }],
    ['members missing', {}],
    ['members null', { members: null }],
    ['members an object', { members: member }],
    ['members a string', { members: 'x' }],
    ['a null member', { members: [member, null] }],
    ['a number member', { members: [1] }],
    ['an array member', { members: [[member]] }],
    ['a string member', { members: ['x'] }],
    ['an extra field', { members: [member], extra: true }],
  ];

  it.each(cases)('answers exactly as Nest\'s ValidationPipe does: %s', async (_label, value) => {
    const reference = new ValidationPipe(VALIDATION_PIPE_OPTIONS);
    const compiled = new CompiledValidationPipe([batchRequestValidator], VALIDATION_PIPE_OPTIONS);
    expect(await outcome(compiled, value)).toBe(await outcome(reference, value));
  });

  it('accepts a valid body without copying it, and rejects every invalid one', () => {
    const accepted = cases.filter(([, value]) => batchRequestValidator.accepts(structuredClone(value))).map(([label]) => label);
    expect(accepted).toEqual(['one member', 'the most members']);
  });
});
