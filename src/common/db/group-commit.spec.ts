import { GroupCommit } from 'src/common/db/group-commit';

describe(GroupCommit.name, () => {
  it('commits items submitted during a commit together in the next one', async () => {
    const commits: number[][] = [];
    let release!: () => void;
    const firstCommitMayEnd = new Promise<void>((resolve) => (release = resolve));
    const group = new GroupCommit<number>(async (items) => {
      commits.push(items);
      if (commits.length === 1) await firstCommitMayEnd;
    });
    const first = group.submit(1);
    const rest = [2, 3, 4].map((n) => group.submit(n));
    release();
    await Promise.all([first, ...rest]);
    expect(commits).toEqual([[1], [2, 3, 4]]);
  });

  it('rejects exactly the submitters whose commit failed', async () => {
    let calls = 0;
    const group = new GroupCommit<string>(async () => {
      calls += 1;
      if (calls === 1) throw new Error('database down');
    });
    const failed = group.submit('a');
    await expect(failed).rejects.toThrow('database down');
    await expect(group.submit('b')).resolves.toBeUndefined();
  });

  it('caps the batch size', async () => {
    const sizes: number[] = [];
    const group = new GroupCommit<number>(async (items) => {
      sizes.push(items.length);
    }, 2);
    await Promise.all([1, 2, 3, 4, 5].map((n) => group.submit(n)));
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(5);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(2);
  });
});

describe(`${GroupCommit.name} with back-to-back submitters`, () => {
  it('commits an item submitted from the callback of the previous commit', async () => {
    const group = new GroupCommit<number>(async () => undefined);
    const committed: number[] = [];
    const chain = new Promise<void>((done) => {
      const next = (i: number): void => {
        if (i === 50) return done();
        void group.submit(i).then(() => {
          committed.push(i);
          next(i + 1);
        });
      };
      next(0);
    });
    await Promise.race([chain, new Promise((resolve) => setTimeout(resolve, 1_000))]);
    expect(committed).toHaveLength(50);
  });
});
