import starMethod2026 from './data/star-method-2026.json';
import { parseStarMethod } from 'src/modules/analytics/star-rating/star-method-parser';
import { StarMethod } from 'src/modules/analytics/star-rating/star-method.types';
import { StarMethodFileError, StarYearNotSupportedError } from 'src/modules/analytics/star-rating/star-rating.errors';

/**
 * One data file per Star year. The files are imported, not read from disk, so the compiler copies
 * them into the build; a new year is a new file and one line here.
 */
const FILES: ReadonlyMap<number, { fileName: string; data: unknown }> = new Map([
  [2026, { fileName: 'star-method-2026.json', data: starMethod2026 }],
]);

const cache = new Map<number, StarMethod>();

export function supportedStarYears(): number[] {
  return [...FILES.keys()].sort((a, b) => a - b);
}

export function loadStarMethod(starYear: number): StarMethod {
  const cached = cache.get(starYear);
  if (cached) return cached;
  const file = FILES.get(starYear);
  if (!file) {
    throw new StarYearNotSupportedError(
      `Star Ratings year ${starYear} is not supported; supported years: ${supportedStarYears().join(', ')}`,
    );
  }
  const method = parseStarMethod(file.data, file.fileName);
  if (method.starYear !== starYear) {
    throw new StarMethodFileError(file.fileName, `star_year is ${method.starYear}, expected ${starYear}`);
  }
  cache.set(starYear, method);
  return method;
}
