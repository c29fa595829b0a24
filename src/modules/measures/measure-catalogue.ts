import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validationErrorsToFields } from 'src/common/validation/validation-errors';
import { MeasureCatalogueDto } from 'src/modules/measures/dto/measure-catalogue.dto';
import { MeasureCatalogue } from 'src/modules/measures/measure';
import { catalogueRuleProblems } from 'src/modules/measures/measure-catalogue-rules';

/** Where `measures-<year>.json` lives: beside this file (`nest build` copies `data/` as an asset, see nest-cli.json). */
export const CATALOGUE_DIRS: readonly string[] = [join(__dirname, 'data')];

export class MeasureCatalogueError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`Measure catalogue ${file} is invalid:\n  - ${problems.join('\n  - ')}`);
    this.name = 'MeasureCatalogueError';
  }
}

export function catalogueFileName(starYear: number): string {
  return `measures-${starYear}.json`;
}

/** Reads and validates the catalogue for a Star year; a new year is a new data file, not a code change. */
export function loadMeasureCatalogue(starYear: number, dataDirs: readonly string[] = CATALOGUE_DIRS): MeasureCatalogue {
  if (!Number.isInteger(starYear) || starYear < 2000 || starYear > 2100) {
    const problem = 'the Star year must be a whole year between 2000 and 2100';
    throw new MeasureCatalogueError('measures-<year>.json', [problem]);
  }
  const fileName = catalogueFileName(starYear);
  const file = dataDirs.map((dir) => join(dir, fileName)).find((candidate) => existsSync(candidate));
  if (!file) {
    const problem = `no catalogue for Star year ${starYear}; looked in ${dataDirs.join(', ')}`;
    throw new MeasureCatalogueError(fileName, [problem]);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new MeasureCatalogueError(file, [`not readable JSON (${(error as Error).message})`]);
  }
  return parseMeasureCatalogue(raw, starYear, file);
}

/** Validates already-parsed catalogue JSON; `file` only names the source in error messages. */
export function parseMeasureCatalogue(raw: unknown, starYear: number, file: string): MeasureCatalogue {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new MeasureCatalogueError(file, ['the top level must be a JSON object']);
  }
  const catalogue = plainToInstance(MeasureCatalogueDto, raw);
  const fieldErrors = validateSync(catalogue, { whitelist: true, forbidNonWhitelisted: true });
  if (fieldErrors.length > 0) {
    const problems = validationErrorsToFields(fieldErrors).map(({ field, message }) => `${field}: ${message}`);
    throw new MeasureCatalogueError(file, problems);
  }
  const ruleProblems = catalogueRuleProblems(catalogue, starYear);
  if (ruleProblems.length > 0) throw new MeasureCatalogueError(file, ruleProblems);
  return deepFreeze(catalogue);
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach((child) => deepFreeze(child));
    Object.freeze(value);
  }
  return value;
}
