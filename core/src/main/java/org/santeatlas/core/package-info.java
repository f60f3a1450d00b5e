/** Package root of the core module. */
package org.santeatlas.core;
