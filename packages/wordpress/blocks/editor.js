/**
 * The Archipel blocks in the editor, in plain JavaScript (no build step). Each block's attributes come from its
 * block.json, which the server hands to the editor; the sidebar shows one field per attribute, and the page
 * shows what the block places. The widget itself is written by the server when the page is viewed.
 */
(function (blocks, element, blockEditor, components, i18n) {
  const el = element.createElement;
  const __ = i18n.__;
  const kebab = (key) => key.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
  const OWN = ['className', 'lock', 'metadata', 'style', 'align'];

  function edit(name) {
    return function Edit(props) {
      const type = blocks.getBlockType(name);
      const keys = Object.keys(type.attributes).filter((key) => !OWN.includes(key));
      const set = (key) => (value) => props.setAttributes({ [key]: value });
      const fields = keys.map((key) =>
        type.attributes[key].type === 'boolean'
          ? el(components.ToggleControl, { key, label: kebab(key), checked: !!props.attributes[key], onChange: set(key) })
          : el(components.TextControl, { key, label: kebab(key), value: props.attributes[key] || '', onChange: set(key) }),
      );
      const given = keys.filter((key) => props.attributes[key] !== undefined && props.attributes[key] !== '' && props.attributes[key] !== false);
      const summary = given.map((key) => (props.attributes[key] === true ? kebab(key) : `${kebab(key)}="${props.attributes[key]}"`)).join(' ');
      return el(
        element.Fragment,
        null,
        el(blockEditor.InspectorControls, null, el(components.PanelBody, { title: __('Widget settings', 'archipel') }, fields)),
        el(
          'div',
          blockEditor.useBlockProps(),
          el(components.Placeholder, {
            icon: type.icon && type.icon.src,
            label: type.title,
            instructions: summary || __('Shown on the page when it is viewed. Its settings are in the sidebar.', 'archipel'),
          }),
        ),
      );
    };
  }

  for (const name of ['archipel/action-map', 'archipel/signup', 'archipel/wall', 'archipel/survey', 'archipel/chapter-hub']) {
    blocks.registerBlockType(name, { edit: edit(name), save: () => null });
  }
})(window.wp.blocks, window.wp.element, window.wp.blockEditor, window.wp.components, window.wp.i18n);
