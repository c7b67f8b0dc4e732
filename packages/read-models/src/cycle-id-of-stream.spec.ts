import { cycleStreamId } from '@coachflow/domain';
import { cycleIdOfStream } from './cycle-id-of-stream';

describe('cycleIdOfStream', () => {
  it('reads the cycle id back from its stream id', () => {
    expect(cycleIdOfStream(cycleStreamId('0a0b'))).toBe('0a0b');
  });

  it('knows other streams are not cycles', () => {
    expect(cycleIdOfStream('playbook-1')).toBeUndefined();
  });
});
