import { z } from 'zod';
import type { AppInfo } from '../domain/app';
import { read } from './define';

export const appContract = {
  'app.info': read(z.strictObject({})).returns<AppInfo>(),
};
