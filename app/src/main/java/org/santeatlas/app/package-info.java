/** Package root of the app module. */
package org.santeatlas.app;
