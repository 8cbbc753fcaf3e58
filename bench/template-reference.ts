import { faker } from '@faker-js/faker';
import type { FastifyInstance } from 'fastify';
import Handlebars from 'handlebars';

/**
 * The templated-mock case's reference: what a developer would write by hand in fastify for
 * the same body, a Handlebars template compiled once at startup with the three helpers it
 * uses, rendered per request. The mock renders the same template through MockDeck's engine
 * (every helper, limits, prototype guards), so the ratio is the engine's overhead.
 */
export const TEMPLATE = `{"id": "{{urlParam 'id'}}", "items": [{{#repeat 5 comma=true}}{"name": "{{faker 'person.firstName'}}", "n": {{@index}} }{{/repeat}}]}`;

interface Root {
  params: Record<string, string>;
}

type FakerModules = Record<string, Record<string, () => unknown>>;

export function plainTemplateRoute(app: FastifyInstance): void {
  const hb = Handlebars.create();
  hb.registerHelper('urlParam', (name: string, options: Handlebars.HelperOptions) => {
    const root = (options.data as { root: Root }).root;
    return root.params[name] ?? '';
  });
  hb.registerHelper('faker', (path: string) => {
    const [module, method] = path.split('.');
    return String((faker as unknown as FakerModules)[module!]![method!]!());
  });
  hb.registerHelper('repeat', function (this: unknown, count: number, options: Handlebars.HelperOptions) {
    const comma = (options.hash as { comma?: boolean }).comma !== false;
    const parts: string[] = [];
    for (let i = 0; i < count; i++) {
      const data = { ...(options.data as object), index: i };
      parts.push(options.fn(this, { data }));
    }
    return parts.join(comma ? ',' : '');
  });
  // HTML-escaped output, as the engine renders {{…}} (Mockoon's default): the same work for the same text.
  const render = hb.compile<Root>(TEMPLATE);
  app.get<{ Params: { id: string } }>('/tpl/:id', (req, reply) =>
    reply.header('content-type', 'application/json; charset=utf-8').send(render({ params: req.params })),
  );
}
