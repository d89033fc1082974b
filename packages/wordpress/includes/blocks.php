<?php
/**
 * One block a widget, for the block editor: each is described by its blocks/<name>/block.json and rendered on the
 * server by the shortcodes' renderer, so blocks need no build step; blocks/editor.js (plain JavaScript) gives
 * each its settings in the sidebar.
 *
 * @package Archipel
 */

defined( 'ABSPATH' ) || exit;

/** A block's own keys, which are not the widget's attributes. */
const ARCHIPEL_BLOCK_KEYS = array( 'className', 'lock', 'metadata', 'style', 'align' );

function archipel_register_blocks() {
	if ( ! function_exists( 'register_block_type' ) ) {
		return;
	}
	wp_register_script(
		'archipel-blocks-editor',
		plugins_url( 'blocks/editor.js', ARCHIPEL_PLUGIN_FILE ),
		array( 'wp-blocks', 'wp-element', 'wp-block-editor', 'wp-components', 'wp-i18n' ),
		ARCHIPEL_VERSION,
		true
	);
	wp_set_script_translations( 'archipel-blocks-editor', 'archipel', plugin_dir_path( ARCHIPEL_PLUGIN_FILE ) . 'languages' );
	foreach ( archipel_widgets() as $name => $widget ) {
		register_block_type(
			plugin_dir_path( ARCHIPEL_PLUGIN_FILE ) . 'blocks/' . $name,
			array(
				'render_callback' => static function ( $attributes ) use ( $name ) {
					// The block's class names (wp-block-archipel-<name>, and those typed under Advanced) go on the tag.
					return archipel_render_widget( $name, is_array( $attributes ) ? $attributes : array(), '', ARCHIPEL_BLOCK_KEYS, get_block_wrapper_attributes() );
				},
			)
		);
	}
}
