import { IncomingMessage } from 'node:http';
import { requestIdFor } from 'src/common/http/request-id';

const withHeader = (value?: string): IncomingMessage =>
  ({ headers: value === undefined ? {} : { 'x-request-id': value } }) as unknown as IncomingMessage;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('requestIdFor', () => {
  it('keeps a well-formed incoming id', () => {
    expect(requestIdFor(withHeader('req-2026-11-21.abc:42'))).toBe('req-2026-11-21.abc:42');
  });

  it.each([
    ['missing', undefined],
    ['too short', 'abc'],
    ['too long', 'a'.repeat(129)],
    ['with spaces', 'hello world 12345'],
    ['with newline (log injection)', 'abcdefgh\n{"level":60}'],
  ])('generates a UUID when the incoming id is %s', (_label, value) => {
    expect(requestIdFor(withHeader(value))).toMatch(UUID);
  });
});
