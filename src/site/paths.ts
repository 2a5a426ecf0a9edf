import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project's root folder (where layouts/ and public/ live). */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const LAYOUTS_DIR = path.join(PROJECT_ROOT, 'layouts');
export const PUBLIC_DIR = path.join(PROJECT_ROOT, 'public');
