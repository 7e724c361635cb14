export { main as cli } from './cli/main';
export { readConfig, type Config } from './config';
