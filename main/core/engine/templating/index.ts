/**
 * Templating: Mockoon's Handlebars syntax and helpers, server side. The mock server compiles
 * every response whose body or a header value holds `{{` (and that does not set
 * disableTemplating) once per version, and renders it per request within time and size
 * limits; a broken template answers TEMPLATE_ERROR. See docs/templating.md.
 *
 *   templateRenderer               the pipeline's RendererCompiler (the server's default)
 *   createTemplateRenderer(limits) the same with other limits (tests)
 *   renderTemplatePreview(input)   the editor's preview: renders against a sample request
 *   TEMPLATE_HELPERS               every helper: name, signature, description, group
 */
export {
  templateRenderer,
  createTemplateRenderer,
  renderTemplatePreview,
  isTemplate,
  type TemplatePreviewInput,
} from './render';
export { TemplateError } from './errors';
export { TEMPLATE_HELPERS, type TemplateHelperInfo } from './catalog';
export { REGISTERED_HELPERS } from './handlebars-env';
export { DEFAULT_TEMPLATE_LIMITS, type TemplateLimits } from './scope';
export { FAKER_METHODS } from './faker';
