<?php
/**
 * The loader, archipel.js, on the pages that hold a widget and only there: a script module on WordPress 6.5 and
 * later, a `<script type="module">` in the footer before that (Debian 12 has 6.1).
 *
 * @package Archipel
 */

defined( 'ABSPATH' ) || exit;

/** Whether a widget was rendered on this page and the footer still has to load archipel.js (before 6.5). */
$GLOBALS['archipel_loader_pending'] = false;

/** The version to add to the loader's address: the plugin's for its bundled copy, none for another address. */
function archipel_loader_version() {
	return '' === archipel_settings()['loader'] && file_exists( plugin_dir_path( ARCHIPEL_PLUGIN_FILE ) . 'dist/archipel.js' ) ? ARCHIPEL_VERSION : null;
}

/** Asks for the loader on this page; called by every widget rendered. */
function archipel_enqueue_loader() {
	if ( function_exists( 'wp_enqueue_script_module' ) ) {
		wp_register_script_module( 'archipel', archipel_loader_url(), array(), archipel_loader_version() );
		wp_enqueue_script_module( 'archipel' );
		return;
	}
	$GLOBALS['archipel_loader_pending'] = true;
}

/** Before WordPress 6.5: prints the loader once, in the footer of a page that holds a widget. */
function archipel_print_loader_fallback() {
	if ( ! $GLOBALS['archipel_loader_pending'] ) {
		return;
	}
	$GLOBALS['archipel_loader_pending'] = false;
	$version                            = archipel_loader_version();
	$url                                = archipel_loader_url();
	wp_print_script_tag(
		array(
			'type' => 'module',
			'src'  => esc_url( null === $version ? $url : add_query_arg( 'ver', $version, $url ) ),
			'id'   => 'archipel-js-module',
		)
	);
}
