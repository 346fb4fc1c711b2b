// Repository settings (plans/settings.yaml): the few readings a repository may
// choose for itself. Everything has a default, so the file is optional.
import type * as z from 'zod';
import { zod } from '../vendor/libraries.js';
import { isBoolean, isInteger, strictRecord, type FileSchema } from './shape.js';

/** The zod schema of settings.yaml, built when a file does not fit the structural pass below (it words the mistakes). */
const makeSettingsSchema = () => {
  const z = zod();
  return z
    .strictObject({
      strictBefore: z.boolean().optional().describe('true: "trước ngày X" là hạn X − 1 (cách hiểu chặt); false (mặc định): hạn là chính ngày X'),
      dueSoonDays: z.number().int().min(0).max(366).optional().describe('Số ngày tới được coi là "sắp đến hạn" (plan check, plan agenda); mặc định 14'),
    })
    .describe('Thiết lập của kho kế hoạch (plans/settings.yaml)');
};

let settingsSchema: ReturnType<typeof makeSettingsSchema> | undefined;

export type SettingsFileInput = z.output<ReturnType<typeof makeSettingsSchema>>;

/** settings.yaml: the schema above, and its structural pass (see shape.ts). */
export const settingsFile: FileSchema<SettingsFileInput> = {
  fits: strictRecord({}, { strictBefore: isBoolean, dueSoonDays: isInteger(0, 366) }),
  zod: () => (settingsSchema ??= makeSettingsSchema()),
};

export interface Settings {
  strictBefore: boolean;
  dueSoonDays: number;
}

export const DEFAULT_SETTINGS: Settings = { strictBefore: false, dueSoonDays: 14 };

export function buildSettings(input?: SettingsFileInput): Settings {
  return {
    strictBefore: input?.strictBefore ?? DEFAULT_SETTINGS.strictBefore,
    dueSoonDays: input?.dueSoonDays ?? DEFAULT_SETTINGS.dueSoonDays,
  };
}
