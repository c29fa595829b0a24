import { readCmsDataTables } from 'src/modules/analytics/star-rating/cms-data-tables';
import { parseCsv } from 'src/modules/analytics/star-rating/csv';
import { loadStarMethod } from 'src/modules/analytics/star-rating/load-star-method';
import { InvalidStarInputError } from 'src/modules/analytics/star-rating/star-rating.errors';

describe('parseCsv', () => {
  it('handles a byte-order mark, quoted commas, doubled quotes, CRLF and a missing final newline', () => {
    const text = '\uFEFFa,"b, c","say ""hi"""\r\n1,,3\n"multi\nline",x,y';
    expect(parseCsv(text)).toEqual([
      ['a', 'b, c', 'say "hi"'],
      ['1', '', '3'],
      ['multi\nline', 'x', 'y'],
    ]);
  });
});

describe('readCmsDataTables', () => {
  const method = loadStarMethod(2026);
  const measureStars = [
    'title,,,,,,',
    'CONTRACT_ID,Organization Type,Contract Name,Organization Marketing Name,Parent Organization,HD1,DD1',
    ',,,,,C01: Breast Cancer Screening,D01: Call Center',
    ',,,,,01/01/2024 – 12/31/2024,x',
    'H0001 ,Local CCP ,"A, Inc. ",A ,A ,4,Not enough data available ',
    'H0002 ,Local CCP ,B ,B ,B ,Plan too small to be measured ,Plan not required to report measure ',
    'S0003 ,PDP ,C ,C ,C ,Plan not required to report measure ,5',
  ].join('\n');
  const summaryRatings = [
    'title,,,,,,,,,,',
    'Contract Number,Organization Type,Contract Name,Organization Marketing Name,Parent Organization,SNP,2023 Disaster %,2024 Disaster %,2026 Part C Summary,2026 Part D Summary,2026 Overall',
    'H0001 ,Local CCP ,A ,A ,A ,Yes ,0,60,3.5,4,Not enough data available',
    'H0002 ,Local CCP ,B ,B ,B ,No ,5,0,4,Not Applicable ,Not Applicable',
    'S0003 ,PDP ,C ,C ,C ,No ,1,2,Not Applicable ,4.5,Not Applicable',
  ].join('\n');
  const cai = [
    'title,,,,,,,,',
    'Contract Number,Organization Marketing Name,Contract Name,Parent Organization,Puerto Rico Only,Part C FAC,Part D MA-PD FAC,Part D PDP FAC,Overall FAC',
    'H0001 ,A ,A ,A ,Yes ,4,3,N/A ,5',
    'H0002 ,B ,B ,B ,No ,2,N/A ,N/A ,N/A',
    'S0003 ,C ,C ,C ,No ,N/A ,N/A ,2,N/A',
  ].join('\n');

  it('turns each contract row into engine input and the published ratings', () => {
    const [first, second, third] = readCmsDataTables(method, { measureStars, summaryRatings, cai });
    expect(first.input).toEqual({
      contractId: 'H0001',
      contractType: 'ma_pd',
      puertoRicoOnly: true,
      measures: { C01: 4, D01: 'not_enough_data' },
      disasterPercentByYear: { 2023: 0, 2024: 60 },
      finalAdjustmentCategory: { partC: 4, partD: 3, overall: 5 },
    });
    expect(first.published).toEqual({ partC: '3.5', partD: '4', overall: 'Not enough data available' });
    expect(second.input.contractType).toBe('ma_only');
    expect(second.input.measures).toEqual({ C01: 'too_small', D01: 'not_required' });
    expect(third.input).toMatchObject({ contractType: 'pdp', finalAdjustmentCategory: { partD: 2 } });
  });

  it('rejects a measure status it does not know', () => {
    const odd = measureStars.replace('Not enough data available ', 'Withheld ');
    expect(() => readCmsDataTables(method, { measureStars: odd, summaryRatings, cai })).toThrow(InvalidStarInputError);
  });
});
