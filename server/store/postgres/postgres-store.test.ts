import { usePostgres } from '../../../tests/integration/harness/postgres-server.js';
import { runStoreContract } from '../store-contract.js';
import { PostgresStore } from './postgres-store.js';

const postgres = usePostgres();

runStoreContract('PostgreSQL', async () => {
  const store = await PostgresStore.open(await postgres().createDatabase());
  return { store, dispose: () => store.close() };
});
