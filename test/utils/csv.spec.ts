import { parseCsv } from 'test/utils/csv';

describe('parseCsv', () => {
  it('reads quoted cells with commas, doubled quotes and line breaks, and empty cells', () => {
    const text = 'a,b,c\r\n"x, y","say ""hi""","line 1\r\nline 2"\r\n,"",{}\r\n';
    expect(parseCsv(text)).toEqual([
      ['a', 'b', 'c'],
      ['x, y', 'say "hi"', 'line 1\r\nline 2'],
      ['', '', '{}'],
    ]);
  });

  it('reads embedded JSON back to the same document', () => {
    const details = { note: 'a, "b"', list: [1, 2] };
    const line = `1,"${JSON.stringify(details).replace(/"/g, '""')}"\r\n`;
    expect(JSON.parse(parseCsv(line)[0][1])).toEqual(details);
  });

  it.each([
    ['a quote left open', '"abc\r\n'],
    ['text after a closing quote', '"a"b\r\n'],
    ['a bare quote', 'a"b\r\n'],
    ['a bare line feed', 'a\nb\r\n'],
    ['no final CRLF', 'a,b'],
  ])('refuses %s', (_name, text) => {
    expect(() => parseCsv(text)).toThrow(/^CSV: /);
  });
});
