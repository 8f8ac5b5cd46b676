/**
 * The command language: what people type, as {@link dev.switchboard.command.Command} values. Pure: no I/O and no
 * other package of ours. {@link dev.switchboard.command.CommandTable} is the one list of commands; the parser's
 * errors, {@code help} and {@code help <topic>} all take their usage lines from it.
 *
 * <p>Decisions: options are accepted with {@code intercept off} (they change the saved settings while turning
 * intercept off); a line ending in "?" without a verb such as "turn" or a request such as "can you" asks for the
 * status ("intercept on at HQ?"); location names end at a comma, "and", "&amp;" or the first option word, and a
 * name containing one of those goes in double quotes ({@code intercept on at "Research and Development"}).
 */
package dev.switchboard.command;
