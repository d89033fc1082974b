<?php
/**
 * Settings → Archipel: the source every widget reads unless it names its own, and where the loader comes from.
 *
 * @package Archipel
 */

defined( 'ABSPATH' ) || exit;

const ARCHIPEL_OPTION = 'archipel_settings';

/**
 * The plugin's settings with their defaults.
 *
 * @return array{source: string, loader: string}
 */
function archipel_settings() {
	$saved = get_option( ARCHIPEL_OPTION, array() );
	return array_merge( array( 'source' => '', 'loader' => '' ), is_array( $saved ) ? $saved : array() );
}

/** The versioned CDN path of this plugin's version of the widgets. */
function archipel_cdn_loader_url() {
	return 'https://cdn.jsdelivr.net/npm/archipel@' . ARCHIPEL_VERSION . '/dist/archipel.js';
}

/**
 * Where the page loads archipel.js from: the address set in the settings, else the copy bundled in the plugin's
 * dist/ folder, else the CDN path of the same version.
 */
function archipel_loader_url() {
	$settings = archipel_settings();
	if ( '' !== $settings['loader'] ) {
		return $settings['loader'];
	}
	if ( file_exists( plugin_dir_path( ARCHIPEL_PLUGIN_FILE ) . 'dist/archipel.js' ) ) {
		return plugins_url( 'dist/archipel.js', ARCHIPEL_PLUGIN_FILE );
	}
	return archipel_cdn_loader_url();
}

/**
 * Addresses separated by spaces, each http or https; null when one is not.
 *
 * @param string $value What was typed.
 * @return string|null
 */
function archipel_clean_urls( $value ) {
	$urls = preg_split( '/\s+/', trim( (string) $value ), -1, PREG_SPLIT_NO_EMPTY );
	foreach ( $urls as $url ) {
		if ( ! preg_match( '#^https?://[^\s"<>]+$#i', $url ) ) {
			return null;
		}
	}
	return implode( ' ', array_map( 'esc_url_raw', $urls ) );
}

/**
 * Keeps what was typed when it is usable; otherwise keeps the previous value and says why.
 *
 * @param mixed $input The submitted settings.
 * @return array{source: string, loader: string}
 */
function archipel_sanitize_settings( $input ) {
	$previous = archipel_settings();
	$input    = is_array( $input ) ? $input : array();
	$clean    = $previous;
	foreach ( array( 'source', 'loader' ) as $key ) {
		$typed = isset( $input[ $key ] ) ? (string) wp_unslash( $input[ $key ] ) : '';
		$urls  = archipel_clean_urls( $typed );
		if ( null === $urls || ( 'loader' === $key && str_contains( $urls, ' ' ) ) ) {
			add_settings_error(
				ARCHIPEL_OPTION,
				'archipel-' . $key,
				'source' === $key
					/* translators: %s: what the person typed */
					? sprintf( __( '“%s” is not a web address. The source must start with https:// (several are separated by spaces). The previous source is kept.', 'archipel' ), $typed )
					/* translators: %s: what the person typed */
					: sprintf( __( '“%s” is not a web address. The loader must be one address starting with https://, ending in archipel.js. The previous one is kept.', 'archipel' ), $typed )
			);
			continue;
		}
		$clean[ $key ] = $urls;
	}
	return $clean;
}

function archipel_register_settings() {
	register_setting(
		'archipel',
		ARCHIPEL_OPTION,
		array(
			'type'              => 'object',
			'sanitize_callback' => 'archipel_sanitize_settings',
			'default'           => array( 'source' => '', 'loader' => '' ),
		)
	);
	add_settings_section( 'archipel_main', '', '__return_false', 'archipel' );
	add_settings_field( 'archipel_source', __( 'Source', 'archipel' ), 'archipel_source_field', 'archipel', 'archipel_main', array( 'label_for' => 'archipel-source' ) );
	add_settings_field( 'archipel_loader', __( 'Loader address', 'archipel' ), 'archipel_loader_field', 'archipel', 'archipel_main', array( 'label_for' => 'archipel-loader' ) );
}

function archipel_add_settings_page() {
	add_options_page( __( 'Archipel', 'archipel' ), __( 'Archipel', 'archipel' ), 'manage_options', 'archipel', 'archipel_settings_page' );
}

function archipel_source_field() {
	printf(
		'<input type="text" class="large-text code" id="archipel-source" name="%1$s[source]" value="%2$s" placeholder="https://api.your-campaign.example/api"><p class="description">%3$s</p>',
		esc_attr( ARCHIPEL_OPTION ),
		esc_attr( archipel_settings()['source'] ),
		esc_html__( 'Where the widgets read and send their data: the Archipel server’s /api address, a Google Sheet’s address, an Apps Script /exec address or a folder of JSON files. Several, separated by spaces, are merged. A widget whose shortcode or block names its own source uses that one.', 'archipel' )
	);
}

function archipel_loader_field() {
	$bundled = file_exists( plugin_dir_path( ARCHIPEL_PLUGIN_FILE ) . 'dist/archipel.js' );
	printf(
		'<input type="url" class="large-text code" id="archipel-loader" name="%1$s[loader]" value="%2$s" placeholder="%3$s"><p class="description">%4$s</p>',
		esc_attr( ARCHIPEL_OPTION ),
		esc_attr( archipel_settings()['loader'] ),
		esc_attr( $bundled ? plugins_url( 'dist/archipel.js', ARCHIPEL_PLUGIN_FILE ) : archipel_cdn_loader_url() ),
		esc_html(
			$bundled
				? __( 'Empty: the copy of the widgets that comes with this plugin, served by this site. Or the CDN path of a version, or your own copy of archipel.js.', 'archipel' )
				: __( 'Empty: the CDN path of this plugin’s version. Or your own copy of archipel.js.', 'archipel' )
		)
	);
}

function archipel_settings_page() {
	if ( ! current_user_can( 'manage_options' ) ) {
		return;
	}
	?>
	<div class="wrap">
		<h1><?php echo esc_html( get_admin_page_title() ); ?></h1>
		<form action="options.php" method="post">
			<?php
			settings_fields( 'archipel' );
			do_settings_sections( 'archipel' );
			submit_button();
			?>
		</form>
		<h2><?php esc_html_e( 'Placing a widget', 'archipel' ); ?></h2>
		<p><?php esc_html_e( 'Any author or editor can place a widget: add an Archipel block, or type a shortcode. What is written between the opening and closing shortcode shows until the widget runs, and to visitors without JavaScript.', 'archipel' ); ?></p>
		<ul>
			<?php foreach ( archipel_widgets() as $widget ) : ?>
				<li><code><?php echo esc_html( '[' . $widget['shortcode'] . ']' ); ?></code> — <?php echo esc_html( '<' . $widget['tag'] . '>' ); ?></li>
			<?php endforeach; ?>
		</ul>
	</div>
	<?php
}
