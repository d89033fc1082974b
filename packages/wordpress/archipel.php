<?php
/**
 * Plugin Name:       Archipel
 * Plugin URI:        https://github.com/archipel-campaigns/archipel
 * Description:       Places Archipel's widgets (action map, sign-up form, hashtag wall, readiness survey, chapter hub) with a shortcode or a block, so every editor can add them, not only administrators.
 * Version:           0.1.0
 * Requires at least: 6.1
 * Requires PHP:      7.4
 * Author:            The Archipel contributors
 * License:           AGPL-3.0-or-later
 * License URI:       https://www.gnu.org/licenses/agpl-3.0.html
 * Text Domain:       archipel
 * Domain Path:       /languages
 *
 * @package Archipel
 */

defined( 'ABSPATH' ) || exit;

/** The plugin's version: the same as the widgets' npm package, whose CDN path it names. */
const ARCHIPEL_VERSION = '0.1.0';
const ARCHIPEL_PLUGIN_FILE = __FILE__;

require_once __DIR__ . '/includes/widgets.php';
require_once __DIR__ . '/includes/settings.php';
require_once __DIR__ . '/includes/render.php';
require_once __DIR__ . '/includes/loader.php';
require_once __DIR__ . '/includes/blocks.php';

add_action(
	'init',
	static function () {
		load_plugin_textdomain( 'archipel', false, dirname( plugin_basename( ARCHIPEL_PLUGIN_FILE ) ) . '/languages' );
		archipel_register_shortcodes();
		archipel_register_blocks();
	}
);
add_action( 'admin_init', 'archipel_register_settings' );
add_action( 'admin_menu', 'archipel_add_settings_page' );
add_action( 'wp_footer', 'archipel_print_loader_fallback' );
