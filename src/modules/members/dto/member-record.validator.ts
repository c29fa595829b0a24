import type { KeywordDefinition } from 'ajv';
import type { DataValidationCxt } from 'ajv/dist/types';
import { CompiledValidator } from 'src/common/validation/compiled-validator';
import { typed } from 'src/common/validation/schema-converters';
import {
  EARLIEST_MEMBER_DAY,
  IS_MEMBER_DATE,
  isMemberDateWithin,
  memberDateBounds,
  MemberDateOptions,
  stampMeasurementYear,
} from 'src/modules/members/dto/member-date.validator';
import { MemberRecordDto } from 'src/modules/members/dto/member-record.dto';

const MEMBER_DATE = 'memberDate';

/**
 * @IsMemberDate as an Ajv keyword. The record's root carries `measurement_year`; class-validator sees it
 * on nested objects through stampMeasurementYear. An object it does not stamp has no year there, and
 * only the 1900 floor applies, so off the root the floor is kept as well and Ajv is never the looser.
 */
export const memberDateKeyword: KeywordDefinition = {
  keyword: MEMBER_DATE,
  type: 'string',
  schemaType: 'object',
  metaSchema: {
    type: 'object',
    properties: { yearsBeforeMeasurementYear: { type: 'integer' } },
    additionalProperties: false,
  },
  errors: false,
  validate: (options: MemberDateOptions, value: string, _schema: unknown, context?: DataValidationCxt): boolean => {
    const root = context?.rootData as { measurement_year?: unknown } | undefined;
    const year = root?.measurement_year;
    // A record nested in another body has no year at its root: leave it to class-validator.
    if (!Number.isInteger(year)) return false;
    const bounds = memberDateBounds(year as number, options);
    const from = context?.parentData === root ? bounds.from : Math.max(bounds.from, EARLIEST_MEMBER_DAY);
    return isMemberDateWithin(value, { from, to: bounds.to });
  },
};

/** MemberRecordDto's compiled validator, for the global pipe and the batch route's per-member check. */
export const memberRecordValidator = new CompiledValidator(MemberRecordDto, {
  converters: { [IS_MEMBER_DATE]: (meta) => typed('string', { [MEMBER_DATE]: meta.constraints[0] }) },
  keywords: [memberDateKeyword],
  valuePreservingTransforms: [stampMeasurementYear],
});
