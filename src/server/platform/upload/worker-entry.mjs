// Entry of an upload-parsing worker thread: TypeScript runs through tsx here too (module hooks are per thread).
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
