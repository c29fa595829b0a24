import { redactDeep } from 'src/common/logging/redact';

describe(redactDeep.name, () => {
  it('masks PHI and credential fields at any depth, in any naming style', () => {
    const input = {
      requestId: 'r-1',
      member: { memberId: 'M-1', profile: { birth_date: '1950-01-01', Address: '1 Main St', nested: [{ SSN: '123' }] } },
      headers: { 'x-api-key': 'hso_secret', authorization: 'Bearer hso_secret' },
      mbi: '1EG4TE5MK73',
    };
    const output = JSON.stringify(redactDeep(input));
    for (const secret of ['M-1', '1950-01-01', '1 Main St', '"123"', 'hso_secret', '1EG4TE5MK73']) {
      expect(output).not.toContain(secret);
    }
    expect(output).toContain('"requestId":"r-1"');
  });

  it('leaves other values untouched', () => {
    expect(redactDeep({ route: '/api/v1/measures/:code', status: 200 })).toEqual({ route: '/api/v1/measures/:code', status: 200 });
  });
});
