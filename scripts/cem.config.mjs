/**
 * The Custom Elements Manifest analyzer's settings (scripts/build.mjs passes them with --config).
 *
 * Lit's `@state()` declares internal reactive state: no attribute, and not for pages to use. The
 * analyzer's Lit plugin gives it no attribute, but it lists a `@state()` field that TypeScript must
 * keep public (because a part loaded on demand reads it, e.g. the survey's `narrow`) as a public
 * property, which editors and the READMEs would then offer. This plugin leaves those out, as `@internal` does.
 */
function litStateIsInternal() {
  return {
    name: 'archipel-lit-state-is-internal',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      const isState = (x) => ts.isDecorator(x) && ts.isCallExpression(x.expression) && x.expression.expression.getText() === 'state';
      const hidden = (x) => x.kind === ts.SyntaxKind.PrivateKeyword || x.kind === ts.SyntaxKind.ProtectedKeyword;
      const states = new Set(node.members.filter((m) => m.modifiers?.some(isState) && !m.modifiers.some(hidden)).map((m) => m.name.getText()));
      const declaration = moduleDoc.declarations?.find((d) => d.name === node.name.getText());
      if (!declaration || !states.size) return;
      declaration.members = declaration.members?.filter((m) => m.static || !states.has(m.name));
      declaration.attributes = declaration.attributes?.filter((a) => !states.has(a.fieldName));
    },
  };
}

export default {
  plugins: [litStateIsInternal()],
};
