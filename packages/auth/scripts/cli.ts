// Staff and key management from the shell; USAGE below lists the commands and their options.
import { ZodError } from 'zod';
import { isUniqueViolation } from '@newsroom/db';
import { errorText, parseCommandOptions, runDatabaseCli } from '@newsroom/db/cli';
import {
  API_KEY_SCOPES,
  DEFAULT_API_KEY_SCOPE,
  createApiKey,
  createUser,
  EMAIL_TAKEN_MESSAGE,
  resetPassword,
  isApiKeyScope,
  listApiKeys,
  revokeApiKey,
  ROLES,
} from '../src';
import { apiKeyTable, createdKeyReport, revocationReport } from '../src/cli/api-key-output';

const USAGE = `Usage:
  npm run user:create -- --email a@b.c --name "A B" --role ${ROLES.join('|')} --password '…'
      (--role defaults to writer)
  npm run user:password -- --email a@b.c --password '…'
      (a new password for someone who forgot theirs; logs them out everywhere)
  npm run apikey:create -- --name <who uses it> [--scope ${API_KEY_SCOPES.join('|')}]
      (--scope defaults to ${DEFAULT_API_KEY_SCOPE}; read: look only; write: everything)
  npm run apikey:list
  npm run apikey:revoke -- <prefix-or-id>   (see apikey:list)`;

const { values, positionals } = parseCommandOptions(
  {
    allowPositionals: true,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string', default: 'writer' },
      password: { type: 'string' },
      scope: { type: 'string', default: DEFAULT_API_KEY_SCOPE },
    },
  },
  USAGE,
);

runDatabaseCli({
  commands: {
    'user:create': async (db) => {
      const user = await createUser(db, {
        email: values.email ?? '',
        name: values.name ?? '',
        role: values.role as 'writer',
        password: values.password ?? '',
      }).catch((error: unknown) => {
        throw isUniqueViolation(error)
          ? new Error(`${EMAIL_TAKEN_MESSAGE}: ${values.email}`)
          : error;
      });
      console.log(`Created ${user.role} ${user.email} (${user.id})`);
      return 0;
    },
    'user:password': async (db) => {
      if (!values.email || !values.password)
        throw new Error(
          `Name the account and its new password: --email and --password\n\n${USAGE}`,
        );
      const { email, endedSessions } = await resetPassword(db, values.email, values.password);
      console.log(
        `New password set for ${email}; ${endedSessions} session(s) ended. Tell them in person or by phone, not by email.`,
      );
      return 0;
    },
    'apikey:create': async (db) => {
      if (!values.name) throw new Error(`Give the key a name: --name <who uses it>\n\n${USAGE}`);
      const { scope } = values;
      if (!isApiKeyScope(scope)) {
        throw new Error(
          `--scope must be one of ${API_KEY_SCOPES.join(', ')} (read: look only; write: everything); nothing was created`,
        );
      }
      const { key, record } = await createApiKey(db, values.name, { scope });
      console.log(createdKeyReport(record, key));
      return 0;
    },
    'apikey:list': async (db) => {
      console.log(apiKeyTable(await listApiKeys(db)));
      return 0;
    },
    'apikey:revoke': async (db) => {
      const [wanted] = positionals;
      if (!wanted || positionals.length > 1)
        throw new Error('Name one key: npm run apikey:revoke -- <prefix-or-id> (see apikey:list)');
      const report = revocationReport(wanted, await revokeApiKey(db, wanted));
      (report.ok ? console.log : console.error)(report.text);
      return report.ok ? 0 : 1;
    },
  },
  formatError: (error) =>
    error instanceof ZodError
      ? error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('\n')
      : errorText(error),
  usage: USAGE,
});
