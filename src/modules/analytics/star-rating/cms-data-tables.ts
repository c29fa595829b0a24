import { parseCsv } from 'src/modules/analytics/star-rating/csv';
import { StarMethod } from 'src/modules/analytics/star-rating/star-method.types';
import { InvalidStarInputError } from 'src/modules/analytics/star-rating/star-rating.errors';
import { ContractStarInput, ContractType, MeasureOutcome, NotRatedReason } from 'src/modules/analytics/star-rating/star-rating.types';

/** CMS's wording for a measure without a star, as it appears in the Measure Stars table. */
const NOT_RATED: Readonly<Record<string, NotRatedReason>> = {
  'Plan not required to report measure': 'not_required',
  'Not required to report': 'not_required',
  'Benefit not offered by plan': 'benefit_not_offered',
  'Not enough data available': 'not_enough_data',
  'Plan too small to be measured': 'too_small',
  'Plan too new to be measured': 'too_new',
  'No data available': 'no_data',
};

export interface CmsDataTables {
  measureStars: string;
  summaryRatings: string;
  cai: string;
}

/** A contract's inputs and its published ratings as CMS printed them ("3.5", "Not enough data available"). */
export interface CmsContract {
  input: ContractStarInput;
  published: { partC: string; partD: string; overall: string };
}

const CONTRACT_ID = /^[A-Z]\d{4}$/;

/** Reads the Measure Stars, Summary Ratings and CAI tables of one Star year (CSV text, no I/O). */
export function readCmsDataTables(method: StarMethod, tables: CmsDataTables): CmsContract[] {
  const summary = table(tables.summaryRatings, 'Contract Number');
  const cai = table(tables.cai, 'Contract Number');
  const measureRows = parseCsv(tables.measureStars).map((row) => row.map((cell) => cell.trim()));
  const idRow = measureRows.find((row) => row.some((cell) => /^[CD]\d{2}: /.test(cell)));
  if (!idRow) throw new InvalidStarInputError('Measure Stars table has no row of measure names');
  const measureColumns = idRow.flatMap((cell, index) => (/^[CD]\d{2}: /.test(cell) ? [{ id: cell.slice(0, 3), index }] : []));
  const year = method.starYear;
  const disasterYears = summary.columns.flatMap((name) => /^(\d{4}) Disaster %$/.exec(name)?.[1] ?? []).map(Number);

  return measureRows
    .filter((row) => CONTRACT_ID.test(row[0] ?? ''))
    .map((row) => {
      const contractId = row[0];
      const measures: Record<string, MeasureOutcome> = {};
      for (const { id, index } of measureColumns) measures[id] = outcome(contractId, id, row[index] ?? '');
      const summaryRow = summary.row(contractId);
      const caiRow = cai.row(contractId);
      const input: ContractStarInput = {
        contractId,
        contractType: contractTypeOf(method, row[1] ?? '', measures),
        puertoRicoOnly: caiRow('Puerto Rico Only') === 'Yes',
        measures,
        disasterPercentByYear: Object.fromEntries(disasterYears.map((y) => [y, Number(summaryRow(`${y} Disaster %`))])),
        finalAdjustmentCategory: {
          partC: category(caiRow('Part C FAC')),
          partD: category(caiRow('Part D MA-PD FAC')) ?? category(caiRow('Part D PDP FAC')),
          overall: category(caiRow('Overall FAC')),
        },
      };
      return {
        input,
        published: {
          partC: summaryRow(`${year} Part C Summary`),
          partD: summaryRow(`${year} Part D Summary`),
          overall: summaryRow(`${year} Overall`),
        },
      };
    });
}

/** PDP by organisation type; an MA contract is MA-PD unless it reports no Part D measure at all. */
function contractTypeOf(method: StarMethod, organizationType: string, measures: Record<string, MeasureOutcome>): ContractType {
  if (organizationType.includes('PDP')) return 'pdp';
  return method.partDMeasures.some((id) => id in measures && measures[id] !== 'not_required') ? 'ma_pd' : 'ma_only';
}

function outcome(contractId: string, measureId: string, text: string): MeasureOutcome {
  if (/^[1-5]$/.test(text)) return Number(text);
  const reason = NOT_RATED[text];
  if (!reason) throw new InvalidStarInputError(`Contract ${contractId} measure ${measureId}: unknown measure status`);
  return reason;
}

function category(text: string): number | undefined {
  return /^\d+$/.test(text) ? Number(text) : undefined;
}

function table(csv: string, firstHeader: string): { columns: string[]; row: (id: string) => (column: string) => string } {
  const rows = parseCsv(csv).map((row) => row.map((cell) => cell.trim()));
  const columns = rows.find((row) => row[0] === firstHeader);
  if (!columns) throw new InvalidStarInputError(`CMS table has no "${firstHeader}" header row`);
  const byId = new Map(rows.filter((row) => CONTRACT_ID.test(row[0] ?? '')).map((row) => [row[0], row]));
  return {
    columns,
    row: (id) => {
      const found = byId.get(id);
      if (!found) throw new InvalidStarInputError(`Contract ${id} is missing from a CMS table`);
      return (column) => {
        const index = columns.indexOf(column);
        if (index < 0) throw new InvalidStarInputError(`CMS table has no "${column}" column`);
        return found[index] ?? '';
      };
    },
  };
}
