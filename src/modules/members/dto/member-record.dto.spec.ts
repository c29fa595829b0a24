import { receivedAtEdge } from 'src/common/phi/testing/received-at-edge';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { validationErrorsToFields } from 'src/common/validation/validation-errors';
import { VALIDATOR_OPTIONS } from 'src/common/validation/validation-pipe-options';
import { MemberRecordDto } from 'src/modules/members/dto/member-record.dto';
import { aMember } from 'src/modules/members/testing/member-record.fixture';

type Plain = Record<string, unknown> & Record<'service_history' | 'pharmacy' | 'diagnoses', Record<string, unknown>>;

const validPlain = (): Plain =>
  JSON.parse(
    JSON.stringify({
      member_id: 'M000123456',
      ...aMember({
        diagnoses: { diabetes: true, fracture_date: '2026-02-01' },
        service_history: { last_hba1c_value: 7.2, last_hba1c_date: '2026-03-01' },
        pharmacy: {
          diabetes: {
            fills: 3,
            first_fill_date: '2026-01-05',
            last_fill_date: '2026-04-05',
            last_days_supply: 30,
            days_covered: 120,
            pdc_to_date: 0.68,
            ninety_day_fills: 0,
            mail_order: false,
          },
        },
      }),
    }),
  ) as Plain;

// The options of the global ValidationPipe in AppModule.
function fieldErrors(plain: unknown): Array<{ field: string; message: string }> {
  const dto = plainToInstance(MemberRecordDto, receivedAtEdge(plain));
  return validationErrorsToFields(validateSync(dto, VALIDATOR_OPTIONS));
}

describe(MemberRecordDto.name, () => {
  it('accepts a complete record', () => {
    expect(fieldErrors(validPlain())).toEqual([]);
  });

  it('rejects a service date after the end of the measurement year, naming the nested field', () => {
    const plain = validPlain();
    plain.service_history.last_mammogram_date = '2027-01-01';
    expect(fieldErrors(plain)).toEqual([
      {
        field: 'service_history.last_mammogram_date',
        message: expect.stringContaining('to 2026-12-31, the end of the measurement year'),
      },
    ]);
  });

  it('checks dates two levels down against the measurement year', () => {
    const plain = validPlain();
    (plain.pharmacy.diabetes as Record<string, unknown>).first_fill_date = '2025-12-20';
    expect(fieldErrors(plain).map((error) => error.field)).toEqual(['pharmacy.diabetes.first_fill_date']);
  });

  it('rejects impossible calendar dates and an as_of_date outside the measurement year', () => {
    const plain = validPlain();
    plain.diagnoses.fracture_date = '2026-02-30';
    plain.as_of_date = '2025-12-31';
    expect(fieldErrors(plain).map((error) => error.field).sort()).toEqual(['as_of_date', 'diagnoses.fracture_date']);
  });

  it('rejects a birth date more than 120 years before the measurement year', () => {
    const plain = { ...validPlain(), birth_date: '1905-01-01' };
    expect(fieldErrors(plain).map((error) => error.field)).toEqual(['birth_date']);
  });

  it('keeps PDC within 0-1 and enums to their values', () => {
    const plain = validPlain();
    (plain.pharmacy.diabetes as Record<string, unknown>).pdc_to_date = 1.2;
    plain.sex = 'X';
    plain.pharmacy.statin_intensity = 'extreme';
    expect(fieldErrors(plain).map((error) => error.field).sort()).toEqual([
      'pharmacy.diabetes.pdc_to_date',
      'pharmacy.statin_intensity',
      'sex',
    ]);
  });

  it('rejects unknown fields and a missing nested group', () => {
    const plain: Record<string, unknown> = { ...validPlain(), favourite_colour: 'blue' };
    delete plain.utilization;
    const fields = fieldErrors(plain).map((error) => error.field);
    expect(fields).toEqual(expect.arrayContaining(['favourite_colour', 'utilization']));
  });

  it('never quotes the rejected value in a message', () => {
    const plain = { ...validPlain(), member_id: 'bad id with spaces!' };
    const errors = fieldErrors(plain);
    expect(errors.map((error) => error.field)).toEqual(['member_id']);
    expect(JSON.stringify(errors)).not.toContain('bad id with spaces!');
  });

  it('takes an LDL as whole mg/dL within 1-600, with its panel date in the record\'s range', () => {
    const plain = validPlain();
    Object.assign(plain.service_history, { last_ldl_value: 142, last_ldl_date: '2026-05-12' });
    expect(fieldErrors(plain)).toEqual([]);
    Object.assign(plain.service_history, { last_ldl_value: 3.4, last_ldl_date: '2027-01-02' });
    expect(fieldErrors(plain).map((error) => error.field).sort()).toEqual([
      'service_history.last_ldl_date',
      'service_history.last_ldl_value',
    ]);
    Object.assign(plain.service_history, { last_ldl_value: 601, last_ldl_date: null });
    expect(fieldErrors(plain).map((error) => error.field)).toEqual(['service_history.last_ldl_value']);
  });

  it('rejects, rather than throwing on, a lab value with too many decimals in exponent form', () => {
    for (const value of [1e-7, 7.45, 9.05]) {
      const plain = validPlain();
      (plain.service_history as Record<string, unknown>).last_hba1c_value = value;
      expect(fieldErrors(plain)).toContainEqual({ field: 'service_history.last_hba1c_value', message: expect.stringContaining('at most 1 decimal place') });
    }
  });

  it('rejects an array where a drug class\'s fills belong', () => {
    const plain = validPlain();
    (plain.pharmacy as Record<string, unknown>).statin = [plain.pharmacy.diabetes];
    expect(fieldErrors(plain).map((error) => error.field)).toEqual(['pharmacy.statin']);
  });
});
