/**
 * The Custom Elements Manifest analyzer's settings (scripts/build.mjs passes them with --config).
 *
 * Its Lit plugin lists every entry of `static properties` as an attribute unless it says
 * `attribute: false`. Lit's internal reactive state (`state: true`) has no attribute either, so
 * this plugin drops those, which would otherwise show in editors as attributes a page could set.
 */
function litStateIsNoAttribute() {
  return {
    name: 'archipel-lit-state-is-no-attribute',
    analyzePhase({ ts, node, moduleDoc }) {
      if (node.kind !== ts.SyntaxKind.ClassDeclaration || !node.name) return;
      const properties = node.members.find((m) => m.name?.getText() === 'properties' && m.modifiers?.some((x) => x.kind === ts.SyntaxKind.StaticKeyword));
      const object = properties?.initializer;
      if (!object || !ts.isObjectLiteralExpression(object)) return;
      const states = new Set();
      for (const p of object.properties) {
        const options = ts.isPropertyAssignment(p) && ts.isObjectLiteralExpression(p.initializer) ? p.initializer : undefined;
        const state = options?.properties.some((o) => o.name?.getText() === 'state' && o.initializer?.kind === ts.SyntaxKind.TrueKeyword);
        if (state) states.add(p.name.getText());
      }
      const declaration = moduleDoc.declarations.find((d) => d.name === node.name.getText());
      if (!declaration || !states.size) return;
      declaration.attributes = declaration.attributes?.filter((a) => !states.has(a.fieldName));
      for (const member of declaration.members ?? []) if (states.has(member.name)) delete member.attribute;
    },
  };
}

export default {
  plugins: [litStateIsNoAttribute()],
};
