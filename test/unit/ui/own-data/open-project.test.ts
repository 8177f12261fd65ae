import { describe, expect, it } from 'vitest';
import { openProject } from '../../../../src/ui/own-data/own-actions';
import { PROJECT_FILE_MAX_BYTES } from '../../../../src/core/limits';
import type { WorkerClient } from '../../../../src/ui/worker-client';

describe('openProject', () => {
  it('refuses a project file over PROJECT_FILE_MAX_BYTES before reading a byte, in one line naming the file', async () => {
    let read = false;
    const file = { name: 'big.servicecircles.json', size: PROJECT_FILE_MAX_BYTES + 1, text: async () => ((read = true), '') } as unknown as File;
    const error = await openProject({} as WorkerClient, file);
    expect(error).toBe('big.servicecircles.json: 256 MiB is more than a project file can be (256 MiB); open the data files themselves');
    expect(read).toBe(false);
  });
});
