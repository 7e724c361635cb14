export { main as cli } from './cli/main';
export { readConfig, type Config } from './config';
export { startServer, type RunningServer } from './server';
export { createApp, type App, type AppOptions } from './app';
export { createUser } from './auth/users';
export { buildSchema } from './graphql/build-schema';
export { createLogger } from './logger';
