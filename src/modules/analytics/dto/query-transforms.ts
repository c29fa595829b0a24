import { plainToInstance } from 'class-transformer';
import { InterventionItemDto } from 'src/modules/analytics/dto/intervention-item.dto';

/** Query values arrive as text: numbers and booleans are converted when they look right, else left to fail validation. */
export const toNumber = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)) ? Number(value) : value;

export const toBoolean = ({ value }: { value: unknown }): unknown => (value === 'true' ? true : value === 'false' ? false : value);

/**
 * `interventions=COL:mailed_fit_kit:200[:unit_cost_cents[:closure_rate]]`, repeated or comma-separated,
 * into items for nested validation; a malformed part stays as text so its field is reported.
 */
export const toInterventionItems = ({ value }: { value: unknown }): unknown => {
  const entries = (Array.isArray(value) ? value : [value]).flatMap((entry) => (typeof entry === 'string' ? entry.split(',') : [entry]));
  return entries.map((entry) => {
    if (typeof entry !== 'string') return entry;
    const [measure_code, intervention, members, unit_cost_cents, closure_rate, ...rest] = entry.split(':');
    const number = (text: string | undefined): unknown => (text === undefined ? undefined : toNumber({ value: text }));
    return plainToInstance(InterventionItemDto, {
      measure_code,
      intervention,
      members: number(members),
      unit_cost_cents: number(unit_cost_cents),
      closure_rate: number(closure_rate),
      ...(rest.length > 0 && { extra_parts: rest.length }),
    });
  });
};
