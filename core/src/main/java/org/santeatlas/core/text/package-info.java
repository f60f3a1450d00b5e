/** Text helpers shared by importers, checks and the UI: name matching keys. */
package org.santeatlas.core.text;
