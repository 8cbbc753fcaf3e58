import { MARKET_KINDS, type MarketKind } from '../../shared/models';
import { toWireProject } from '../../shared/wire/mockbird';
import type { App } from '../core/app';
import { Marketplace } from '../core/marketplace';
import { EXIT_OK, stringOption, UsageError, type CliIo, type Command, type CommandArgs } from './command';
import { withCloudApp } from './cloud-app';
import { DATA_DIR_HELP, dataDirOption } from './data-dir-option';

const USAGE = `mockdeck market search [QUERY] [--kind scenarios|templates|plugins] [--category C] [--tag T] [--page N] [--json]
       mockdeck market show KIND NAME[@VERSION]
       mockdeck market install KIND NAME[@VERSION]
       mockdeck market reviews KIND NAME [--page N]
       mockdeck market publish SLUG --kind scenario|template --version V [--name NAME] [--category C] [--preview]
       (each also takes --url URL and --data-dir DIR)`;

/** The marketplace of the app's cloud: the same core the desktop app uses (main/core/marketplace). */
export function marketplaceOf(app: App, cloud: Awaited<ReturnType<App['cloud']>>): Marketplace {
  return new Marketplace({
    http: cloud.http,
    catalog: app.catalog,
    store: app.store,
    clock: app.clock,
    source: () => cloud.settings.baseUrl(),
    plugins: app.plugins,
  });
}

const json = (io: CliIo, v: unknown) => io.stdout(`${JSON.stringify(v)}\n`);

function kindOf(raw: string | undefined, fallback?: MarketKind): MarketKind {
  if (raw === undefined && fallback) return fallback;
  if (raw && (MARKET_KINDS as readonly string[]).includes(raw)) return raw as MarketKind;
  throw new UsageError(`KIND must be one of ${MARKET_KINDS.join(', ')} (got "${raw ?? ''}")`, marketCommand);
}

function nameAndVersion(raw: string | undefined): { name: string; version?: string } {
  if (!raw) throw new UsageError('NAME is required', marketCommand);
  const at = raw.lastIndexOf('@');
  return at > 0 ? { name: raw.slice(0, at), version: raw.slice(at + 1) } : { name: raw };
}

function pageOption(args: CommandArgs): number {
  const raw = stringOption(args, 'page');
  if (raw === undefined) return 0;
  if (!/^\d+$/.test(raw)) throw new UsageError(`--page must be a whole number from 0 (got "${raw}")`, marketCommand);
  return Number(raw);
}

export const marketCommand: Command = {
  name: 'market',
  summary: 'search, inspect, install and publish marketplace scenarios, templates and plugins',
  usage: USAGE,
  help: `  KIND             scenarios, templates or plugins
  NAME@VERSION     a version (default: the latest that is not yanked)
  --kind           search: what to search (default scenarios); publish: scenario or template
  --category C     search: only this category;  --tag T: only items with this tag
  --json           search: JSON instead of a table
  --preview        publish: print what would be sent and send nothing
  --url URL        the cloud (default: the cloud base URL setting)
${DATA_DIR_HELP}

install prints the created project as JSON (scenarios, templates) or the installed plugin
(kept in <data-dir>/plugins). A refused package names the reason and changes nothing.
publish and reviews by you need sign-in (mockdeck cloud login, or $MOCKDECK_CLOUD_TOKEN).`,
  options: {
    kind: { type: 'string' },
    category: { type: 'string' },
    tag: { type: 'string', multiple: true },
    page: { type: 'string' },
    json: { type: 'boolean' },
    version: { type: 'string' },
    name: { type: 'string' },
    preview: { type: 'boolean' },
    url: { type: 'string' },
    ...dataDirOption,
  },
  positionals: { min: 1, max: 4 },
  async run(args, io) {
    const [verb, a, b] = args.positionals;
    return withCloudApp(args, io, async (app) => {
      const market = marketplaceOf(app, await app.cloud());
      switch (verb) {
        case 'search': {
          const tags = (args.values.tag as string[] | undefined) ?? [];
          const category = stringOption(args, 'category');
          const r = await market.search({
            kind: kindOf(stringOption(args, 'kind'), 'scenarios'),
            ...(a ? { query: a } : {}),
            ...(category ? { category } : {}),
            ...(tags.length ? { tags } : {}),
            page: pageOption(args),
          });
          if (args.values.json === true) {
            json(io, r);
            return EXIT_OK;
          }
          io.stderr(`${r.total} found; page ${r.page + 1} of ${Math.max(1, Math.ceil(r.total / r.perPage))}\n`);
          for (const i of r.items)
            io.stdout(
              `${i.name}@${i.version}  ★${i.rating.toFixed(1)}  ↓${i.downloads}  [${i.category}]  ${i.description}\n`,
            );
          return EXIT_OK;
        }
        case 'show': {
          const { name, version } = nameAndVersion(b);
          json(io, await market.show(kindOf(a), name, version));
          return EXIT_OK;
        }
        case 'install': {
          const kind = kindOf(a);
          const { name, version } = nameAndVersion(b);
          let shown = -1;
          const r = await market.install(kind, name, version, (p) => {
            if (p.phase !== 'downloading' || !p.total) return;
            const pct = Math.floor((p.received / p.total) * 10) * 10;
            if (pct !== shown) io.stderr(`downloading ${name}: ${(shown = pct)}%\n`);
          });
          if (r.warning) io.stderr(`warning: ${r.warning}\n`);
          if (r.kind === 'plugins') json(io, { plugin: r.plugin.manifest, path: r.plugin.modulePath });
          else
            json(io, {
              ...toWireProject(r.project.project, { mockCount: r.project.mockCount }),
              installed: { kind: r.kind, name: r.name, version: r.version },
            });
          return EXIT_OK;
        }
        case 'reviews': {
          const { name, version } = nameAndVersion(b);
          json(io, await market.reviews(kindOf(a), name, { page: pageOption(args), ...(version ? { version } : {}) }));
          return EXIT_OK;
        }
        case 'publish': {
          if (!a) throw new UsageError('publish needs the project SLUG', marketCommand);
          const kind = stringOption(args, 'kind');
          if (kind !== 'scenario' && kind !== 'template')
            throw new UsageError('publish needs --kind scenario or --kind template', marketCommand);
          const version = stringOption(args, 'version');
          if (!version) throw new UsageError('publish needs --version V (e.g. 1.0.0)', marketCommand);
          const input = {
            project: a,
            kind,
            version,
            ...(stringOption(args, 'name') ? { name: stringOption(args, 'name')! } : {}),
            ...(stringOption(args, 'category') ? { category: stringOption(args, 'category')! } : {}),
          } as const;
          if (args.values.preview === true) {
            json(io, await market.previewPublish(input));
            return EXIT_OK;
          }
          const r = await market.publish(input);
          if (r.preview.removedSecrets > 0)
            io.stderr(`note: ${r.preview.removedSecrets} value(s) that looked like credentials were masked\n`);
          json(io, r.published);
          return EXIT_OK;
        }
        default:
          throw new UsageError(`unknown market command "${verb}"`, marketCommand);
      }
    });
  },
};
